using JitBot.Teams.Activities;

namespace JitBot.Teams.Tests;

public sealed class MentionTextTests
{
    private static readonly ChannelAccount Bot = new("28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", "JitBot", null);

    [Fact]
    public void The_bots_mention_is_removed_using_its_entity()
    {
        var text = MentionText.Strip("<at>JitBot</at> request payments-db readonly 2h INC-1 lag", Bot, [new Mention("<at>JitBot</at>", Bot.Id, "JitBot")]);

        Assert.Equal("request payments-db readonly 2h INC-1 lag", text);
    }

    [Fact]
    public void The_mention_is_matched_without_regard_to_case_and_surrounding_whitespace()
    {
        var text = MentionText.Strip("  <AT>jitbot</AT>\u00a0 list \n", Bot, [new Mention("<at>JitBot</at>", Bot.Id, "JitBot")]);

        Assert.Equal("list", text);
    }

    [Fact]
    public void Without_entity_text_the_mention_is_found_by_the_bots_name()
    {
        var text = MentionText.Strip("<at>JitBot</at> pending", Bot, [new Mention("", Bot.Id, null)]);

        Assert.Equal("pending", text);
    }

    [Fact]
    public void Mentions_of_other_people_stay_in_the_text()
    {
        var text = MentionText.Strip(
            "<at>JitBot</at> deny JIT-7 ask <at>Bob</at> first",
            Bot,
            [new Mention("<at>JitBot</at>", Bot.Id, "JitBot"), new Mention("<at>Bob</at>", "29:bob", "Bob")]);

        Assert.Equal("deny JIT-7 ask <at>Bob</at> first", text);
    }

    [Fact]
    public void A_one_to_one_message_comes_back_as_typed()
    {
        Assert.Equal("request payments-db 2h INC-9", MentionText.Strip("request payments-db 2h INC-9", Bot, []));
    }

    [Fact]
    public void A_message_that_only_mentions_the_bot_is_empty()
    {
        Assert.Equal("", MentionText.Strip("<at>JitBot</at>", Bot, [new Mention("<at>JitBot</at>", Bot.Id, "JitBot")]));
    }
}
