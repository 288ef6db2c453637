using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>Lets any endpoint take a <see cref="Caller"/> parameter; the generated code builds it from the request's user.</summary>
public sealed class CallerParameterStrategy : IParameterStrategy
{
    public bool TryMatch(HttpChain chain, IServiceContainer container, ParameterInfo parameter, out Variable? variable)
    {
        if (parameter.ParameterType != typeof(Caller))
        {
            variable = null;
            return false;
        }

        variable = new MethodCall(typeof(Caller), nameof(Caller.From)).ReturnVariable;
        return true;
    }
}
