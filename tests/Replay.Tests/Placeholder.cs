namespace Loyalty.Replay.Tests;
