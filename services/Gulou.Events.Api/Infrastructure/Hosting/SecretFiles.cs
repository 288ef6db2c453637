using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.KeyPerFile;
using Microsoft.Extensions.FileProviders;

namespace Gulou.Events.Api.Infrastructure.Hosting;

public static class SecretFiles
{
    /// <summary>
    /// Settings read from the files in <c>GULOU_SECRETS_DIR</c>, one a setting, each named after its key with
    /// <c>__</c> for <c>:</c> (<c>ConnectionStrings__Gulou</c>, <c>Gulou__AdminKey</c>, <c>Gulou__SuperAdminKey</c>,
    /// <c>Gulou__PersonKeySecret</c>, <c>Gulou__Databases__east</c>):
    /// Docker secrets and mounted Kubernetes Secrets keep the values out of the process environment.
    /// </summary>
    public static WebApplicationBuilder UseGulouSecretFiles(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["GULOU_SECRETS_DIR"] is not { Length: > 0 } directory)
        {
            return builder;
        }

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"GULOU_SECRETS_DIR names a folder that does not exist: {directory}");
        }

        var files = new KeyPerFileConfigurationSource { FileProvider = new PhysicalFileProvider(directory), Optional = false };
        // Below the environment and the command line, so that a variable set for one run still wins.
        var sources = builder.Configuration.Sources;
        var environment = sources.OfType<EnvironmentVariablesConfigurationSource>().FirstOrDefault(s => string.IsNullOrEmpty(s.Prefix));
        sources.Insert(environment is null ? sources.Count : sources.IndexOf(environment), files);
        return builder;
    }
}
