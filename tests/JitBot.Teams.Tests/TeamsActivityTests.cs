using System.Text.Json.Nodes;
using JitBot.Teams.Activities;

namespace JitBot.Teams.Tests;

public sealed class TeamsActivityTests
{
    [Fact]
    public void A_channel_message_gives_its_sender_tenant_team_and_mentions()
    {
        var json = JsonNode.Parse("""
            {"type":"message","id":"1759944781430","channelId":"msteams","text":"<at>JitBot</at> list",
             "serviceUrl":"https://smba.trafficmanager.net/amer/t1/",
             "from":{"id":"29:abc","name":"Rido","aadObjectId":"b15a9416-0ad3-4172-9210-7beb711d3f70"},
             "recipient":{"id":"28:bot","name":"JitBot"},
             "conversation":{"id":"19:c@thread.tacv2;messageid=1759881511856","conversationType":"channel","isGroup":true},
             "entities":[{"type":"mention","text":"<at>JitBot</at>","mentioned":{"id":"28:bot","name":"JitBot"}},{"type":"clientInfo"}],
             "channelData":{"tenant":{"id":"t1"},"team":{"id":"19:team@thread.tacv2"},"channel":{"id":"19:c@thread.tacv2"}}}
            """)!.AsObject();

        var activity = TeamsActivity.Parse(json)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("b15a9416-0ad3-4172-9210-7beb711d3f70", activity.From!.AadObjectId);
        Assert.Equal("t1", activity.TenantId);
        Assert.Equal("19:team@thread.tacv2", activity.TeamId);
        Assert.Equal("19:c@thread.tacv2", activity.BaseConversationId);
        Assert.False(activity.IsPersonal);
        Assert.Equal("list", MentionText.CommandOf(activity));
    }

    [Fact]
    public void The_tenant_falls_back_to_the_conversation()
    {
        var json = JsonNode.Parse("""
            {"type":"message","serviceUrl":"https://x/","conversation":{"id":"a:1","conversationType":"personal","tenantId":"t2"}}
            """)!.AsObject();

        var activity = TeamsActivity.Parse(json)!;

        Assert.Equal("t2", activity.TenantId);
        Assert.True(activity.IsPersonal);
    }

    [Theory]
    [InlineData("""{"serviceUrl":"https://x/","conversation":{"id":"a:1"}}""")]
    [InlineData("""{"type":"message","conversation":{"id":"a:1"}}""")]
    [InlineData("""{"type":"message","serviceUrl":"https://x/"}""")]
    [InlineData("""{"type":"message","serviceUrl":"https://x/","conversation":"a:1"}""")]
    public void An_activity_without_type_service_url_or_conversation_is_not_one(string json)
    {
        Assert.Null(TeamsActivity.Parse(JsonNode.Parse(json)!.AsObject()));
    }
}
