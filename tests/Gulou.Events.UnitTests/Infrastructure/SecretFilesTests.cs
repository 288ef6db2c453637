using Gulou.Events.Api.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Gulou.Events.UnitTests.Infrastructure;

public sealed class SecretFilesTests : IDisposable
{
    private readonly DirectoryInfo _secrets = Directory.CreateTempSubdirectory("gulou-secrets-");

    [Fact]
    public void Each_file_in_the_secrets_folder_is_the_setting_it_is_named_after()
    {
        File.WriteAllText(Path.Combine(_secrets.FullName, "ConnectionStrings__Gulou"), "Host=db;Database=gulou\n");
        File.WriteAllText(Path.Combine(_secrets.FullName, "Gulou__PersonKeySecret"), "from-a-file");
        File.WriteAllText(Path.Combine(_secrets.FullName, "Gulou__AdminKey"), "glk_written_by_an_editor\r\n");

        var settings = GulouSettings.From(Builder($"--GULOU_SECRETS_DIR={_secrets.FullName}").Configuration);

        Assert.Equal("Host=db;Database=gulou", settings.ConnectionString);
        Assert.True(settings.HasConfiguredDatabase);
        Assert.Equal("from-a-file", settings.PersonKeySecret);
        Assert.Equal("glk_written_by_an_editor", settings.AdminKey);
    }

    [Fact]
    public void A_setting_given_for_one_run_wins_over_its_file()
    {
        File.WriteAllText(Path.Combine(_secrets.FullName, "Gulou__AdminKey"), "glk_from_the_file");

        var settings = GulouSettings.From(Builder($"--GULOU_SECRETS_DIR={_secrets.FullName}", "--Gulou:AdminKey=glk_for_this_run").Configuration);

        Assert.Equal("glk_for_this_run", settings.AdminKey);
    }

    [Fact]
    public void A_secrets_folder_that_does_not_exist_stops_the_start()
    {
        var missing = Path.Combine(_secrets.FullName, "missing");

        Assert.Throws<DirectoryNotFoundException>(() => Builder($"--GULOU_SECRETS_DIR={missing}"));
    }

    private static WebApplicationBuilder Builder(params string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args }).UseGulouSecretFiles();

    public void Dispose() => _secrets.Delete(recursive: true);
}
