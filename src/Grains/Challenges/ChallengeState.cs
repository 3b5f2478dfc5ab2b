using Loyalty.Grains.Interfaces.Challenges;

namespace Loyalty.Grains.Challenges;

/// <summary>Every completion of one challenge, in the order recorded.</summary>
public sealed class ChallengeState
{
    public List<ChallengeCompletion> Completions { get; set; } = [];

    public int Winners { get; set; }
}
