using System.Text;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using StackExchange.Redis;

namespace JitBot.IntegrationTests.Connectors;

/// <summary>Looks for a generated password everywhere the bot writes: it may be in the one DM and nowhere else.</summary>
internal static class SecretSearch
{
    public static async Task AssertOnlyInTheDmAsync(BotHarness bot, string secret, string requesterId)
    {
        var calls = bot.Slack.Calls();
        var holding = calls.Where(c => Contains(c.Json?.ToJsonString(), secret) || c.Parameters.Values.Any(v => Contains(v, secret))).ToList();
        var dm = Assert.Single(holding);
        Assert.Equal(("chat.postMessage", requesterId), (dm.Method, dm.Arg("channel")));
        Assert.DoesNotContain(secret, dm.Blocks?.ToJsonString() ?? "", StringComparison.Ordinal);

        Assert.DoesNotContain(secret, bot.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Webhook.Calls, c => Contains(c.RawBody, secret));
        Assert.DoesNotContain(secret, await RedisContentsAsync(bot.Settings["Redis:Prefix"]!), StringComparison.Ordinal);
    }

    /// <summary>Every value under the bot's prefix (its store, audit stream and Hangfire's keys), as text.</summary>
    public static async Task<string> RedisContentsAsync(string prefix)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.RequireRedis());
        var server = redis.GetServers()[0];
        var database = redis.GetDatabase();
        var text = new StringBuilder();
        var keys = 0;
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            keys++;
            text.Append(key).Append('\n');
            switch (await database.KeyTypeAsync(key))
            {
                case RedisType.String: text.Append(await database.StringGetAsync(key)); break;
                case RedisType.Hash: text.AppendJoin('\n', await database.HashGetAllAsync(key)); break;
                case RedisType.List: text.AppendJoin('\n', await database.ListRangeAsync(key)); break;
                case RedisType.Set: text.AppendJoin('\n', await database.SetMembersAsync(key)); break;
                case RedisType.SortedSet: text.AppendJoin('\n', await database.SortedSetRangeByRankAsync(key)); break;
                case RedisType.Stream:
                    foreach (var entry in await database.StreamRangeAsync(key))
                    {
                        text.AppendJoin('\n', entry.Values).Append('\n');
                    }

                    break;
            }

            text.Append('\n');
        }

        Assert.True(keys > 0, $"nothing stored under {prefix}: the search would prove nothing");
        return text.ToString();
    }

    private static bool Contains(string? text, string secret) => text?.Contains(secret, StringComparison.Ordinal) == true;
}
