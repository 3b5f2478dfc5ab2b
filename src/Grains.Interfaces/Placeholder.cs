namespace Loyalty.Grains.Interfaces;
