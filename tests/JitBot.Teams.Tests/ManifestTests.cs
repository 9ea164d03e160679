using System.Buffers.Binary;
using System.Text.Json.Nodes;

namespace JitBot.Teams.Tests;

public sealed class ManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "manifests", "teams");

    [Fact]
    public void The_manifest_takes_the_bot_id_from_configuration_and_offers_personal_and_team_scopes()
    {
        var manifest = Manifest();

        Assert.Equal("1.23", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal("${{TEAMS_APP_ID}}", manifest["id"]!.GetValue<string>());
        var bot = manifest["bots"]!.AsArray().Single()!;
        Assert.Equal("${{TEAMS_APP_ID}}", bot["botId"]!.GetValue<string>());
        var scopes = bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Contains("personal", scopes);
        Assert.Contains("team", scopes);
    }

    [Fact]
    public void The_command_list_has_the_contracts_words_within_the_schemas_limits()
    {
        var commands = Manifest()["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!.AsObject()).ToList();

        Assert.InRange(commands.Count, 1, 10);
        Assert.All(commands, c =>
        {
            Assert.InRange(c["title"]!.GetValue<string>().Length, 1, 32);
            Assert.InRange(c["description"]!.GetValue<string>().Length, 1, 128);
        });
        var titles = commands.Select(c => c["title"]!.GetValue<string>()).ToList();
        Assert.Contains("request", titles);
        Assert.Contains("approve", titles);
        Assert.Contains("help", titles);
    }

    [Theory]
    [InlineData("color", 192)]
    [InlineData("outline", 32)]
    public void The_icons_are_pngs_of_the_sizes_teams_asks_for(string icon, int size)
    {
        var file = Path.Combine(Folder, Manifest()["icons"]![icon]!.GetValue<string>());
        var bytes = File.ReadAllBytes(file);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    private static JsonObject Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JitBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("JitBot.sln not found above " + AppContext.BaseDirectory);
    }
}
