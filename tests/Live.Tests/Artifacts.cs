namespace Loyalty.Live.Tests;

/// <summary>Files a test keeps for people to look at: artifacts/test-results under the repository.</summary>
internal static class Artifacts
{
    public static string File(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Loyalty.Orleans.sln")))
            {
                var folder = Directory.CreateDirectory(Path.Combine(dir.FullName, "artifacts", "test-results")).FullName;
                return Path.Combine(folder, name);
            }
        }

        throw new DirectoryNotFoundException("Loyalty.Orleans.sln not found above the test binaries.");
    }
}
