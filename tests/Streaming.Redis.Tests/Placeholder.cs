namespace Loyalty.Streaming.Redis.Tests;
