using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Loyalty.Domain.Tests")]
