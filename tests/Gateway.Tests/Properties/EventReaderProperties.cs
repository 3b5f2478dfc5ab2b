using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Loyalty.Client.Programs;
using Loyalty.Domain;
using Loyalty.Gateway.Events;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces.Events;

namespace Loyalty.Gateway.Tests.Properties;

/// <summary>
/// The event reader under random input: it refuses only with its own <see cref="EventFieldException"/>, never lets
/// through an event that breaks its rules, and reads back every valid event as it was written.
/// </summary>
public sealed class EventReaderProperties
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly EventItemReader Reader = new(ProgramConfigurationJson.Parse(Programs.Configuration), Now);

    /// <summary>Values a field might hold: sound ones, hostile ones and ones of the wrong type.</summary>
    private static readonly Gen<JsonNode?> AnyValue = Gen.OneOf(
        Gen.String.Select(text => (JsonNode?)JsonValue.Create(text)),
        Gen.String[Gen.Char.AlphaNumeric, 0, 140].Select(text => (JsonNode?)JsonValue.Create(text)),
        Gen.Long.Select(number => (JsonNode?)JsonValue.Create(number)),
        Gen.Long[-5, Bounds.MaxAmountMinor + 5].Select(number => (JsonNode?)JsonValue.Create(number)),
        Gen.Double.Select(number => double.IsFinite(number) ? (JsonNode?)JsonValue.Create(number) : null),
        Gen.Bool.Select(flag => (JsonNode?)JsonValue.Create(flag)),
        Gen.Const(default(JsonNode)),
        Gen.OneOf("purchase", "return", "GBP", "EUR", "2026-03-10T12:00:00Z", "1969-12-31T23:59:59Z", "2026-03-17T12:00:00Z", "2026-02-30T00:00:00Z", "", " ", "x\u0000")
            .Select(text => (JsonNode?)JsonValue.Create(text)),
        Gen.Const(0).Select(_ => (JsonNode?)new JsonArray(new JsonObject { ["quantity"] = 2, ["unitPriceMinor"] = 3 })),
        Gen.Const(0).Select(_ => (JsonNode?)new JsonObject()));

    private static readonly string[] Fields = [.. EventItemReader.PurchaseFields.Union(EventItemReader.ReturnFields), "unknown"];

    /// <summary>A sound purchase with some fields replaced, dropped or added.</summary>
    private static readonly Gen<string> MutatedItem =
        Gen.Select(Gen.OneOf(Fields).Array[1, 4], AnyValue.Array[4], Gen.Bool.Array[4], (fields, values, drop) =>
        {
            var item = Api.Purchase("e-1", "ann", 1_000);
            for (var i = 0; i < fields.Length; i++)
            {
                if (drop[i])
                {
                    item.Remove(fields[i]);
                }
                else
                {
                    item[fields[i]] = values[i]?.DeepClone();
                }
            }

            return item.ToJsonString();
        });

    [Fact]
    public void Mutated_items_are_read_within_the_rules_or_refused_by_the_reader_alone() =>
        MutatedItem.Sample(json => ReadWithinRules(json), iter: 20_000, threads: 1);

    [Fact]
    public void Random_bytes_that_parse_as_json_are_refused_by_the_reader_alone() =>
        Gen.OneOf(Gen.Byte.Array[0, 64], Gen.String.Select(text => System.Text.Encoding.UTF8.GetBytes(text))).Sample(bytes =>
        {
            try
            {
                using var document = JsonDocument.Parse(bytes);
                ReadWithinRules(document.RootElement.GetRawText());
            }
            catch (JsonException)
            {
                // not JSON: the batch is refused whole before any item is read
            }
        }, iter: 20_000, threads: 1);

    [Fact]
    public void Valid_events_are_read_back_as_written()
    {
        var id = Gen.String[Gen.Char.AlphaNumeric, 1, 128];
        var line = Gen.Select(Gen.Long[1, 100], Gen.Long[0, 1_000_000], (quantity, price) => new EventLine(null, "c", quantity, price));
        var gen = Gen.Select(id, id, Gen.Long[Bounds.EarliestEventTime.ToUnixTimeSeconds(), Now.ToUnixTimeSeconds()], Gen.Long[1, Bounds.MaxAmountMinor], line.Array[0, 5], Gen.Bool,
            (eventId, memberId, seconds, amount, lines, isReturn) => new MemberEvent(
                isReturn ? MemberEventKind.Return : MemberEventKind.Purchase, eventId, memberId, DateTimeOffset.FromUnixTimeSeconds(seconds), amount, "GBP",
                isReturn ? [] : [.. lines], isReturn ? null : "web", isReturn ? "p-" + eventId[..Math.Min(100, eventId.Length)] : null));

        gen.Sample(written =>
        {
            var read = Reader.Read(JsonDocument.Parse(Write(written)).RootElement);
            Assert.Equal(written with { Lines = [] }, read with { Lines = [] });
            Assert.Equal(written.Lines, read.Lines);
        }, iter: 5_000, threads: 1);
    }

    /// <summary>Reads one item: a refusal names a field; an event it returns keeps every rule.</summary>
    private static void ReadWithinRules(string json)
    {
        using var document = JsonDocument.Parse(json);
        MemberEvent read;
        try
        {
            read = Reader.Read(document.RootElement);
        }
        catch (EventFieldException refused)
        {
            Assert.False(string.IsNullOrEmpty(refused.Field));
            return;
        }

        Assert.True(Identifiers.IsValidEventId(read.EventId), read.EventId);
        Assert.True(Identifiers.IsValid(read.MemberId), read.MemberId);
        Assert.InRange(read.AmountMinor, 1, Bounds.MaxAmountMinor);
        Assert.Equal("GBP", read.Currency);
        Assert.InRange(read.OccurredAt, Bounds.EarliestEventTime, Now.AddDays(1));
        Assert.All(read.Lines, line => Assert.True(line.Quantity >= 1 && line.UnitPriceMinor >= 0));
        Assert.True(read.Lines.Sum(line => line.Quantity * line.UnitPriceMinor) <= Bounds.MaxAmountMinor);
        Assert.True(read.Channel is null || (read.Channel.Length is >= 1 and <= 128 && !read.Channel.Any(char.IsControl)));
    }

    private static string Write(MemberEvent e)
    {
        var item = e.Kind == MemberEventKind.Return
            ? Api.Return(e.EventId, e.MemberId, e.AmountMinor, e.OriginalEventId, e.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture))
            : Api.Purchase(e.EventId, e.MemberId, e.AmountMinor, e.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture));
        if (e.Kind == MemberEventKind.Purchase)
        {
            item["channel"] = e.Channel;
            item["lines"] = new JsonArray([.. e.Lines.Select(line => (JsonNode)new JsonObject
            {
                ["category"] = line.Category, ["quantity"] = line.Quantity, ["unitPriceMinor"] = line.UnitPriceMinor,
            })]);
        }

        return item.ToJsonString();
    }
}
