namespace Loyalty.Gateway.Tests;
