namespace Gulou.Events.Api.Infrastructure.Hosting;

public static class SecretFiles
{
    /// <summary>
    /// Settings read from the files in <c>GULOU_SECRETS_DIR</c>, one a setting, each named after its key with
    /// <c>__</c> for <c>:</c> (<c>ConnectionStrings__Gulou</c>, <c>Gulou__AdminKey</c>, <c>Gulou__PersonKeySecret</c>):
    /// Docker secrets and mounted Kubernetes Secrets keep the values out of the process environment.
    /// </summary>
    public static WebApplicationBuilder UseGulouSecretFiles(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["GULOU_SECRETS_DIR"] is { Length: > 0 } directory)
        {
            builder.Configuration.AddKeyPerFile(directory, optional: false);
        }

        return builder;
    }
}
