namespace GameServer.Protocol.Tests;

/// <summary>The resume token's text form, as the upgrade's <c>?resume=</c> carries it (protocol.md, "Refusals before the upgrade").</summary>
public sealed class ResumeTokenTextTests
{
    [Fact]
    public void ToBase64Url_IsUnpaddedBase64UrlOfTheSixteenBytes()
    {
        var token = new ResumeToken(0xfbff_0011_2233_4455, 0x6677_8899_aabb_ccdd);

        string text = token.ToBase64Url();

        Assert.Equal("-_8AESIzRFVmd4iZqrvM3Q", text);
        Assert.True(ResumeToken.TryParseBase64Url(text, out ResumeToken parsed));
        Assert.Equal(token, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-_8AESIzRFVmd4iZqrvM3Q==")]
    [InlineData("-_8AESIzRFVmd4iZqrvM3")]
    [InlineData("-_8AESIzRFVmd4iZqrvM3!")]
    [InlineData("+/8AESIzRFVmd4iZqrvM3Q")]
    public void TryParseBase64Url_AnythingElse_IsFalse(string? text)
    {
        Assert.False(ResumeToken.TryParseBase64Url(text, out ResumeToken token));
        Assert.True(token.IsNone);
    }
}
