using Loyalty.Grains.Interfaces.DeadLetters;

namespace Loyalty.Grains.DeadLetters;

/// <summary>Dead letters by event id, in the order first parked.</summary>
public sealed class DeadLetterState
{
    public List<DeadLetter> Letters { get; set; } = [];
}
