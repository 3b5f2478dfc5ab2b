namespace Loyalty.Gateway.RateLimits;

/// <summary>A token bucket's refill per second and its size.</summary>
public readonly record struct TokenRate(int PerSecond, int Burst);
