using System.Runtime.InteropServices;
using Kite.Images;

// The steps of scripts/build-images.sh that need more than a shell: see the usage below.
const string Usage = """
    usage:
      Kite.Images base <rootfs> <layouts> <repository>:<tag> [--env NAME=VALUE]... [--user UID] [--created-by TEXT]
          packs the folder <rootfs> into a one-layer image, in the OCI layout <layouts>/<repository>
      Kite.Images serve <layouts> [--port N]
          serves every layout under <layouts> as a pull-only registry on 127.0.0.1 (port 0: any free port), prints
          localhost:<port> once it listens, and stops on SIGTERM or Ctrl+C
      Kite.Images unpack <archive.tar> <rootfs>
          stacks the image's layers into the folder <rootfs>, then prints how to run it, one "key<TAB>value" a line:
          tag, user, workdir, arg (entrypoint then command, one word each), env
    """;

switch (args)
{
    case ["base", var rootfs, var layouts, var image, .. var options] when image.LastIndexOf(':') > 0:
        var repository = image[..image.LastIndexOf(':')];
        var baseImage = new BaseImage(rootfs, Options(options, "--env"), Options(options, "--user").LastOrDefault(), Options(options, "--created-by").LastOrDefault() ?? $"Kite.Images base {rootfs}");
        var manifest = baseImage.WriteTo(OciLayout.Create(Path.Combine(layouts, repository)), image[(image.LastIndexOf(':') + 1)..]);
        Console.WriteLine($"{image} {manifest.Digest}");
        return 0;
    case ["serve", var layouts, .. var options]:
        var stopped = new TaskCompletionSource();
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stopped.TrySetResult(); }))
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stopped.TrySetResult(); }))
        {
            await using var registry = await LocalRegistry.StartAsync(layouts, int.Parse(Options(options, "--port").LastOrDefault() ?? "0", System.Globalization.CultureInfo.InvariantCulture));
            Console.WriteLine(registry.Address);
            await stopped.Task;
        }

        return 0;
    case ["unpack", var archive, var rootfs]:
        var extracted = Path.Combine(Path.GetTempPath(), $"kite-image-{Guid.NewGuid():N}");
        try
        {
            var image = ImageArchive.Open(archive, extracted);
            image.UnpackTo(rootfs);
            Print("tag", image.RepoTags);
            Print("user", [image.User ?? "0"]);
            Print("workdir", [image.WorkingDirectory]);
            Print("arg", [.. image.Entrypoint, .. image.Command]);
            Print("env", image.Environment);
        }
        finally
        {
            Directory.Delete(extracted, recursive: true);
        }

        return 0;
    default:
        Console.Error.WriteLine(Usage);
        return 64;
}

static string[] Options(string[] options, string name) =>
    [.. options.Select((value, i) => (value, i)).Where(o => o.i > 0 && options[o.i - 1] == name).Select(o => o.value)];

static void Print(string key, IEnumerable<string> values)
{
    foreach (var value in values)
    {
        Console.WriteLine($"{key}\t{value}");
    }
}
