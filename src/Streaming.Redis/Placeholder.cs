namespace Loyalty.Streaming.Redis;
