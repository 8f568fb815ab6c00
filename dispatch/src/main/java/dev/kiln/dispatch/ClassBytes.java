package dev.kiln.dispatch;

import dev.kiln.frontend.CompileError;
import java.io.IOException;
import java.io.InputStream;

/** Reads the class-file bytes a class was loaded from, through its own loader. */
final class ClassBytes {
  private ClassBytes() {}

  static byte[] of(Class<?> c) {
    String resource = c.getName().replace('.', '/') + ".class";
    ClassLoader loader = c.getClassLoader();
    try (InputStream in = loader != null ? loader.getResourceAsStream(resource)
        : ClassLoader.getSystemResourceAsStream(resource)) {
      if (in == null) {
        throw new CompileError("Kiln cannot find the bytecode of " + c.getName()
            + " (no resource " + resource + " in its class loader)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new CompileError("Kiln cannot read the bytecode of " + c.getName() + ": " + e, e);
    }
  }
}
