package dev.least.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code jq -c . FILE > /dev/null}, pinned to core 0 with {@code taskset} where available. */
final class JqRun {
  private final Path jq;
  private final @Nullable Path taskset;

  private JqRun(Path jq, @Nullable Path taskset) {
    this.jq = jq;
    this.taskset = taskset;
  }

  /** The jq on {@code PATH}, or empty when it is not installed. */
  static Optional<JqRun> find() {
    return onPath("jq").map(j -> new JqRun(j, onPath("taskset").orElse(null)));
  }

  boolean pinned() {
    return taskset != null;
  }

  /** Runs jq over {@code file}; returns the wall time in nanoseconds. */
  long run(Path file) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (taskset != null) {
      cmd.add(taskset.toString());
      cmd.add("-c");
      cmd.add("0");
    }
    cmd.add(jq.toString());
    cmd.add("-c");
    cmd.add(".");
    cmd.add(file.toString());
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    long t0 = System.nanoTime();
    Process p = pb.start();
    int exit = p.waitFor();
    long nanos = System.nanoTime() - t0;
    if (exit != 0) {
      throw new IOException("jq exited with " + exit + " on " + file);
    }
    return nanos;
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
