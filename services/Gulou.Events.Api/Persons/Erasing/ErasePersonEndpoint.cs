using FluentValidation;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Persons;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Persons.Erasing;

public sealed class ErasePersonValidator : AbstractValidator<ErasePerson>
{
    public const int MaxReason = 500;
    public const int MaxLegalBasis = 200;

    public ErasePersonValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().Text(MaxReason);
        RuleFor(r => r.LegalBasis).NotEmpty().Text(MaxLegalBasis);
    }
}

public static class ErasePersonEndpoint
{
    /// <summary>
    /// Erases a person (PIPL Art. 47): destroys their data key, so that every read, history, review and export shows
    /// <c>已删除 / erased</c> for their fields from then on, in every copy of the store. The records that count them keep
    /// counting: figures, rebuilds, verifications and seals do not change. The erasure is recorded as an event without
    /// personal data. The same ID number registered again later is a new person.
    /// </summary>
    [WolverinePost("/api/v1/persons/{personId}/erasure", OperationId = "ErasePerson")]
    [Refuses(409, ErrorCodes.InvalidState, "the person was already erased")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<PersonErasureDto> Post(Guid personId, ErasePerson request, Caller caller, PersonRegister register, IDocumentSession session, CancellationToken cancellation)
    {
        var person = await register.EraseAsync(
            session, personId, FreeText.Normalize(request.Reason)!, FreeText.Normalize(request.LegalBasis)!, caller.InstitutionId, byRetention: false, cancellation);
        await session.SaveChangesAsync(cancellation);
        return person.Erasure!;
    }
}
