using System.Runtime.CompilerServices;
using System.Text.Json;
using FluentValidation;

namespace Gulou.Events.Api.Infrastructure.Validation;

public static class ValidationSetup
{
    public static IServiceCollection AddGulouValidation(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<RequestValidationPolicy>(ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>
    /// Field names in messages and in <c>errors</c> are the JSON names ("attendance.youth", not "Attendance.Youth"),
    /// wherever a validator runs, so this is set as soon as the assembly loads.
    /// </summary>
#pragma warning disable CA2255 // the validators of this assembly must never run with other names
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UseJsonFieldNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
