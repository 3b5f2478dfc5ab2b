namespace Loyalty.Tests.Shared;

/// <summary>Finds ../shared/data beside the repository, walking up from the test binaries.</summary>
public static class SharedData
{
    public static string File(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", name);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/data/{name} was not found above {AppContext.BaseDirectory}.");
    }
}
