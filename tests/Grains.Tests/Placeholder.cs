namespace Loyalty.Grains.Tests;
