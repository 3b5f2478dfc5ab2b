using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>Logs a Redis configuration string with its password left out, when Orleans logs the provider's options.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RedactRedisPasswordAttribute : RedactAttribute
{
    public override string Redact(object? value)
    {
        try
        {
            return value is string configuration ? ConfigurationOptions.Parse(configuration).ToString(includePassword: false) : base.Redact(value);
        }
        catch (ArgumentException)
        {
            return base.Redact(value);
        }
    }
}
