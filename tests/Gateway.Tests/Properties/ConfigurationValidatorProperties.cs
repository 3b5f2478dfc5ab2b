using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Loyalty.Client.Programs;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Programs;

namespace Loyalty.Gateway.Tests.Properties;

/// <summary>
/// The configuration validator under random configurations: it never throws, and whatever it accepts is stored,
/// read back into the rules every process builds, and earns points for any purchase without an exception.
/// </summary>
public sealed class ConfigurationValidatorProperties
{
    private static readonly Gen<JsonNode?> Number = Gen.OneOf(
        Gen.Int[-2, 20].Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Int.Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Long[0, 20_000_000_000].Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.OneOf(1, 10, 100, 1000, 10_000, 36_600).Select(n => (JsonNode?)JsonValue.Create(n)));

    private static readonly Gen<JsonNode?> Text = Gen.OneOf(
        Gen.OneOf("UTC", "Europe/Rome", "America/New_York", "Pacific/Kiritimati", "Mars/Olympus", "GBP", "EUR", "gbp", "", " ", "x\u0000", "day", "week")
            .Select(text => (JsonNode?)JsonValue.Create(text)),
        Gen.String[0, 250].Select(text => (JsonNode?)JsonValue.Create(text)));

    private static readonly Gen<JsonNode?> Tier = Gen.Select(Text, Number, (name, spend) => (JsonNode?)new JsonObject { ["name"] = name, ["qualifyingSpendMinor"] = spend });

    private static readonly Gen<JsonNode?> Rule = Gen.Select(Gen.Int[0, 9], Text, Number, Number, (id, category, multiplier, bonus) => (JsonNode?)new JsonObject
    {
        ["id"] = $"r-{id}",
        ["when"] = new JsonObject { ["category"] = category, ["minBasketMinor"] = bonus?.DeepClone() },
        ["then"] = new JsonObject { ["multiplierPercent"] = multiplier, ["bonusPoints"] = bonus },
    });

    /// <summary>Each top-level field and what it may be set to: sound, out of range or of the wrong shape.</summary>
    private static readonly (string Field, Gen<JsonNode?> Value)[] Mutations =
    [
        ("name", Text), ("timeZone", Text), ("currency", Text), ("minorUnitsPerUnit", Number), ("pointsPerUnit", Number),
        ("returnWindowDays", Number), ("expiryMonths", Number), ("expiryWarningDays", Number), ("tierDowngradeGraceDays", Number),
        ("maxPointsPerEvent", Number), ("maxPointsPerDay", Number), ("ledgerMaxEntries", Number), ("streakUnit", Text),
        ("leaderboardRetention", Gen.Select(Number, Number, Number, (d, w, m) => (JsonNode?)new JsonObject { ["days"] = d, ["weeks"] = w, ["months"] = m })),
        ("tiers", Tier.Array[0, 4].Select(tiers => (JsonNode?)new JsonArray(tiers))),
        ("earningRules", Rule.Array[0, 3].Select(rules => (JsonNode?)new JsonArray(rules))),
        ("referrals", Gen.Select(Number, Number, Number, (a, b, c) => (JsonNode?)new JsonObject { ["referrerBonusPoints"] = a, ["refereeBonusPoints"] = b, ["minPurchaseMinor"] = c })),
    ];

    /// <summary>The test configuration with one to six fields replaced.</summary>
    private static readonly Gen<string> Configuration = Gen.Int[0, Mutations.Length - 1].Array[1, 6].SelectMany(MutatedConfiguration);

    private static Gen<string> MutatedConfiguration(int[] fields) =>
        fields.Aggregate(Gen.Const(Programs.Configuration), (configuration, field) =>
            configuration.SelectMany(json => Mutations[field].Value.Select(value =>
            {
                var document = JsonNode.Parse(json)!.AsObject();
                document[Mutations[field].Field] = value?.DeepClone();
                return document.ToJsonString();
            })));

    [Fact]
    public void Random_configurations_are_refused_with_fields_or_build_rules_that_earn_points()
    {
        var accepted = 0;
        Configuration.Sample(json =>
        {
            ProgramConfig config;
            try
            {
                config = ProgramConfigurationJson.Parse(json);
            }
            catch (JsonException)
            {
                return; // refused by the reader, naming the field (JsonErrors), before the validator is asked
            }

            var errors = ProgramConfigValidator.Validate(config);
            if (errors.Count > 0)
            {
                Assert.All(errors, error => Assert.False(string.IsNullOrEmpty(error.Field)));
                return;
            }

            var stored = ProgramConfigurationJson.Write(config);
            var rules = ProgramRules.From(new ProgramSnapshot("p", 1, stored, DateTimeOffset.UnixEpoch, ImmutableDictionary<string, string>.Empty));
            var purchase = new Purchase("e", "m", new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), Bounds.MaxAmountMinor, rules.Config.Currency,
                [new PurchaseLine("s", "c", 1, Bounds.MaxAmountMinor)], "web");
            Assert.InRange(EarningCalculator.Calculate(purchase, rules.Config, 0).Total, 0, Bounds.MaxEventPoints);
            accepted++;
        }, iter: 3_000, threads: 1);

        // The generator must reach the accepting side often enough for the property to say something about it.
        Assert.True(accepted > 100, $"only {accepted} of 3000 configurations were accepted");
    }
}
