using Loyalty.Client.Telemetry;

namespace Loyalty.Grains.Tests;

/// <summary>The program label of our series is bounded: many programs cannot make many series.</summary>
public sealed class LoyaltyMetricsTests
{
    [Fact]
    public void Programs_past_the_first_hundred_share_the_label_other_and_each_keeps_its_label()
    {
        // The process may have labelled programs already; 150 new ones overflow the bound whatever came before.
        var programs = Enumerable.Range(0, 150).Select(i => $"label-test-{Guid.NewGuid():N}-{i}").ToList();
        var labels = programs.ToDictionary(p => p, p => (string)LoyaltyMetrics.ProgramTag(p).Value!);

        Assert.Equal("program", LoyaltyMetrics.ProgramTag(programs[0]).Key);
        Assert.All(labels, l => Assert.True(l.Value == l.Key || l.Value == LoyaltyMetrics.OtherPrograms, l.Value));
        Assert.InRange(labels.Count(l => l.Value == l.Key), 0, LoyaltyMetrics.MaxProgramLabels);
        Assert.True(labels.Count(l => l.Value == LoyaltyMetrics.OtherPrograms) >= 150 - LoyaltyMetrics.MaxProgramLabels);
        Assert.All(programs, p => Assert.Equal(labels[p], (string)LoyaltyMetrics.ProgramTag(p).Value!));
    }
}
