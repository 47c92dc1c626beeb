using Jint;

namespace Kite.Worker.Transform;

/// <summary>JSONata's reference implementation, embedded by the build (see Worker.Service.csproj), parsed once for every engine.</summary>
public static class JsonataLibrary
{
    private static readonly Lazy<Prepared<Acornima.Ast.Script>> Prepared = new(() =>
    {
        using var stream = typeof(JsonataLibrary).Assembly.GetManifestResourceStream("jsonata.js")
            ?? throw new InvalidOperationException("jsonata.js is not embedded in the worker: the build restores it from npm");
        using var reader = new StreamReader(stream);
        return Engine.PrepareScript(reader.ReadToEnd(), "jsonata.js");
    });

    public static Prepared<Acornima.Ast.Script> Script => Prepared.Value;
}
