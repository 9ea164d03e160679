using JitBot.Teams.Activities;

namespace JitBot.Teams.Tests;

public sealed class TeamsTextTests
{
    [Fact]
    public void Angle_brackets_and_ampersands_show_as_typed()
    {
        Assert.Equal("request &lt;resource&gt; [&lt;role&gt;] &amp; more", TeamsText.Escape("request <resource> [<role>] & more"));
    }

    [Fact]
    public void A_mention_or_tag_in_text_cannot_take_effect()
    {
        Assert.Equal("&lt;at&gt;everyone&lt;/at&gt; &lt;a href=&quot;x&quot;&gt;", TeamsText.Escape("<at>everyone</at> <a href=\"x\">"));
    }

    [Fact]
    public void Line_breaks_become_br()
    {
        Assert.Equal("one<br>two<br>three", TeamsText.Escape("one\ntwo\r\nthree"));
    }

    [Fact]
    public void An_outbound_text_message_is_xml_formatted_and_a_mention_reply_carries_its_entity()
    {
        var plain = OutboundActivity.Text("x < y");
        var mention = OutboundActivity.TextMentioning(new ChannelAccount("29:alice", "Alice <A>", null), "done");

        Assert.Equal("xml", plain["textFormat"]!.GetValue<string>());
        Assert.Equal("x &lt; y", plain["text"]!.GetValue<string>());
        Assert.Equal("<at>Alice &lt;A&gt;</at> done", mention["text"]!.GetValue<string>());
        Assert.Equal("<at>Alice &lt;A&gt;</at>", mention["entities"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("29:alice", mention["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>());
    }
}
