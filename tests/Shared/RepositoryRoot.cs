namespace Gulou.Events.Tests;

/// <summary>The checkout the tests run from, found by walking up to the solution file.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Gulou.Events.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the Gulou.Events checkout.");
    }
}
