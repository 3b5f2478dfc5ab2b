namespace Loyalty.Grains;
