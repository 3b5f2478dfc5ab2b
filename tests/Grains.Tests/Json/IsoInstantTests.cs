using System.Globalization;
using System.Text.RegularExpressions;
using Loyalty.Client.Json;

namespace Loyalty.Grains.Tests.Json;

/// <summary>
/// The hand-written instant reader against the rule it implements, written the slow and obvious way here: the
/// pattern, then the framework's exact parser. Both must agree on every text, valid or not.
/// </summary>
public sealed class IsoInstantTests
{
    private static readonly Regex Pattern = new(
        @"\A(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.(?<fraction>[0-9]{1,9}))?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})\z",
        RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("2026-05-01T10:15:00+02:00")]
    [InlineData("2026-05-01t10:15:00z")]
    [InlineData("2026-05-01T10:15:00.5Z")]
    [InlineData("2026-05-01T10:15:00.123456789-05:30")]
    [InlineData("2028-02-29T23:59:59+14:00")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("2026-01-01T00:00:00-00:00")]
    public void Reads_valid_instants_as_the_exact_parser_does(string text)
    {
        Assert.True(IsoInstant.TryParse(text, out var at));
        Assert.True(Reference(text, out var expected));
        Assert.Equal(expected, at);
        Assert.Equal(expected.Offset, at.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-05-01")]
    [InlineData("2026-05-01T10:15Z")]
    [InlineData("2026-05-01 10:15:00Z")]
    [InlineData("2026-05-01T10:15:00")]
    [InlineData("2026-05-01T10:15:00.Z")]
    [InlineData("2026-05-01T10:15:00.1234567890Z")]
    [InlineData("2026-02-29T10:15:00Z")]
    [InlineData("2026-13-01T10:15:00Z")]
    [InlineData("2026-00-01T10:15:00Z")]
    [InlineData("2026-04-31T10:15:00Z")]
    [InlineData("2026-05-01T24:00:00Z")]
    [InlineData("2026-05-01T10:60:00Z")]
    [InlineData("2026-05-01T10:15:60Z")]
    [InlineData("2026-05-01T10:15:00+14:01")]
    [InlineData("2026-05-01T10:15:00+02:60")]
    [InlineData("2026-05-01T10:15:00+0200")]
    [InlineData("2026-05-01T10:15:00Z ")]
    [InlineData(" 2026-05-01T10:15:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("２０２６-05-01T10:15:00Z")]
    [InlineData("12/01/2026 10:15:00")]
    [InlineData("Fri, 01 May 2026 10:15:00 GMT")]
    public void Refuses_what_the_rule_refuses(string text)
    {
        Assert.False(Reference(text, out _));
        Assert.False(IsoInstant.TryParse(text, out _));
    }

    [Fact]
    public void Agrees_with_the_rule_on_random_texts_near_the_format()
    {
        var random = new Random(20261206);
        const string alphabet = "0123456789-:.TtZz+ ";
        for (var i = 0; i < 50_000; i++)
        {
            var text = Mutate(Sample(random), random, alphabet);
            var expected = Reference(text, out var expectedAt);
            Assert.True(expected == IsoInstant.TryParse(text, out var at), $"{text}: expected {(expected ? "valid" : "invalid")}");
            Assert.Equal(expectedAt, at);
            Assert.Equal(expectedAt.Offset, at.Offset);
        }
    }

    private static string Sample(Random random)
    {
        var fraction = random.Next(4) == 0 ? "" : "." + random.NextInt64(0, 1_000_000_000).ToString("000000000", CultureInfo.InvariantCulture)[..random.Next(1, 10)];
        var offset = random.Next(3) == 0 ? "Z" : $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 16):00}:{random.Next(0, 61):00}";
        return $"{random.Next(0, 10_000):0000}-{random.Next(0, 14):00}-{random.Next(0, 32):00}T{random.Next(0, 25):00}:{random.Next(0, 61):00}:{random.Next(0, 61):00}{fraction}{offset}";
    }

    private static string Mutate(string text, Random random, string alphabet)
    {
        var chars = text.ToCharArray().ToList();
        for (var edits = random.Next(0, 3); edits > 0 && chars.Count > 0; edits--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                case 1: chars.RemoveAt(at); break;
                default: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
            }
        }

        return new string([.. chars]);
    }

    private static bool Reference(string text, out DateTimeOffset at)
    {
        at = default;
        if (Pattern.Match(text) is not { Success: true } match)
        {
            return false;
        }

        var fraction = match.Groups["fraction"].Value.PadRight(7, '0')[..7];
        var offset = match.Groups["offset"].Value is "Z" or "z" ? "+00:00" : match.Groups["offset"].Value;
        return DateTimeOffset.TryParseExact(
            $"{match.Groups["date"].Value}T{match.Groups["time"].Value}.{fraction}{offset}",
            "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }
}
