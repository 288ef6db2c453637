using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Gulou.Events.Api.Infrastructure.Validation;

/// <summary>
/// Weaves request checks into every generated endpoint that reads a body or a query object: a missing body
/// is refused, and the request's FluentValidation validator (when there is one) runs before the endpoint.
/// </summary>
public sealed class RequestValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var requestType = chain.HasRequestType ? chain.RequestType : chain.ComplexQueryStringType;
            if (requestType is null)
            {
                continue;
            }

            var hasValidator = container.RegistrationsFor(typeof(IValidator<>).MakeGenericType(requestType)).Count == 1;
            var name = hasValidator ? nameof(RequestValidation.ValidateAsync) : nameof(RequestValidation.RequirePresent);
            var method = typeof(RequestValidation).GetMethod(name)!.MakeGenericMethod(requestType);
            var call = new MethodCall(typeof(RequestValidation), method);
            chain.Metadata.ProducesValidationProblem(StatusCodes.Status400BadRequest);
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}
