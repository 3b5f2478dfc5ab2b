namespace Loyalty.Domain.Tests;
