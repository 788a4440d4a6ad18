package org.terrain4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error paths on small synthetic files; the real data is read in the integration tests. */
class FashionMnistTest {

    @TempDir
    Path folder;

    @Test
    void missingFolderSaysWhichPackageToInstall() {
        Path missing = folder.resolve("fashion");

        assertThatThrownBy(() -> Datasets.fashionMnist(missing))
                .isInstanceOf(DataLoadException.class)
                .hasMessageStartingWith(missing + ": Fashion-MNIST folder not found; install Debian's "
                        + "package (apt-get install dataset-fashion-mnist)")
                .hasMessageContaining("TERRAIN_FASHION_MNIST_DIR");
    }

    @Test
    void missingFileInTheFolderIsNamed() {
        assertThatThrownBy(() -> Datasets.fashionMnist(folder))
                .hasMessage(folder.resolve("train-images-idx3-ubyte.gz") + ": file not found");
    }

    @Test
    void truncatedImagesAreAnError() {
        Path images = GzipFiles.writeGzip(folder.resolve("train-images-idx3-ubyte.gz"),
                GzipFiles.idx(new int[] {60000, 28, 28}, 1000));

        assertThatThrownBy(() -> Datasets.fashionMnist(folder))
                .hasMessage(images + ": truncated: expected 47040000 data bytes, found 1000");
    }

    @Test
    void wrongDimensionsAreAnError() {
        Path images = GzipFiles.writeGzip(folder.resolve("train-images-idx3-ubyte.gz"),
                GzipFiles.idx(new int[] {100, 28, 28}, 100 * 28 * 28));

        assertThatThrownBy(() -> Datasets.fashionMnist(folder))
                .hasMessage(images + ": expected dimensions [60000, 28, 28], file declares [100, 28, 28]");
    }

    @Test
    void notAnIdxFileIsAnError() {
        Path images = GzipFiles.writeGzip(folder.resolve("train-images-idx3-ubyte.gz"), "hello, world");

        assertThatThrownBy(() -> Datasets.fashionMnist(folder))
                .hasMessage(images + ": not an unsigned-byte IDX file (magic number 0x68656c6c)");
    }

    @Test
    void trailingBytesAreAnError() throws Exception {
        Path labels = GzipFiles.writeGzip(folder.resolve("labels.gz"), GzipFiles.idx(new int[] {3}, 4));

        assertThatThrownBy(() -> IdxReader.read(DataSource.file(labels), 3))
                .hasMessage(labels + ": unexpected bytes after the 3 declared data bytes");
        assertThat(Files.exists(labels)).isTrue();
    }

    @Test
    void environmentVariableOverridesTheDebianFolder() {
        assertThat(FashionMnist.defaultFolder(Map.of())).isEqualTo(Path.of("/usr/share/datasets/fashion-mnist"));
        assertThat(FashionMnist.defaultFolder(Map.of("TERRAIN_FASHION_MNIST_DIR", "/data/fm")))
                .isEqualTo(Path.of("/data/fm"));
    }
}
