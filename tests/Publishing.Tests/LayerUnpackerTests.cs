using System.Formats.Tar;
using System.Text;
using Kite.Images;

namespace Kite.Publishing.Tests;

/// <summary>Layers stack as a container runtime stacks them: later files win, whiteouts remove what lies below.</summary>
public sealed class LayerUnpackerTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"kite-layers-{Guid.NewGuid():N}");

    public LayerUnpackerTests() => Directory.CreateDirectory(directory);

    private string Root => Path.Combine(directory, "root");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_whiteout_removes_a_lower_file_and_an_opaque_whiteout_empties_a_lower_folder_but_keeps_its_own_layer_entries()
    {
        LayerUnpacker.Apply(Layer("lower", ("app/old.dll", "1"), ("app/kept.dll", "2"), ("etc/conf.d/a", "3"), ("etc/conf.d/b", "4")), Root);
        LayerUnpacker.Apply(Layer("upper", ("etc/conf.d/c", "5"), ("etc/conf.d/.wh..wh..opq", ""), ("app/.wh.old.dll", ""), ("app/kept.dll", "6")), Root);

        Assert.False(File.Exists(Path.Combine(Root, "app", "old.dll")));
        Assert.Equal("6", File.ReadAllText(Path.Combine(Root, "app", "kept.dll")));
        Assert.Equal(["c"], Directory.GetFiles(Path.Combine(Root, "etc", "conf.d")).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(Root, ".wh.*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Modes_and_symbolic_links_are_kept()
    {
        var layer = Path.Combine(directory, "links.tar");
        using (var tar = new TarWriter(File.Create(layer)))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "usr/bin/tool") { Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute, DataStream = new MemoryStream("x"u8.ToArray()) });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin") { LinkName = "usr/bin" });
        }

        LayerUnpacker.Apply(layer, Root);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute, File.GetUnixFileMode(Path.Combine(Root, "usr", "bin", "tool")));
        Assert.Equal("usr/bin", new FileInfo(Path.Combine(Root, "bin")).LinkTarget);
        Assert.True(File.Exists(Path.Combine(Root, "bin", "tool")));
    }

    [Theory]
    [InlineData("../escaped")]
    [InlineData("etc/../../escaped")]
    [InlineData("link/escaped")]
    public void An_entry_that_would_leave_the_root_is_refused(string name)
    {
        var layer = Path.Combine(directory, "evil.tar");
        using (var tar = new TarWriter(File.Create(layer)))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = directory });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream("x"u8.ToArray()) });
        }

        Assert.Throws<InvalidDataException>(() => LayerUnpacker.Apply(layer, Root));
        Assert.False(File.Exists(Path.Combine(directory, "escaped")));
    }

    private string Layer(string name, params (string Path, string Content)[] files)
    {
        var layer = Path.Combine(directory, $"{name}.tar");
        using var tar = new TarWriter(File.Create(layer));
        foreach (var (path, content) in files)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite, DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
        }

        return layer;
    }
}
