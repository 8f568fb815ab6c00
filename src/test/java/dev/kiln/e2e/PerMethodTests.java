package dev.kiln.e2e;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The shape of a differential suite: one container per corpus class, one test per method,
 * each bounded in time (a method that loops forever once compiled must fail its test, not hang
 * the build) and failing with the report its check returns.
 */
public final class PerMethodTests {
  /** Runs one method's check; returns {@code null} when it passes, else the report. */
  @FunctionalInterface
  public interface Check {
    String run() throws Throwable;
  }

  private PerMethodTests() {}

  /**
   * @param prepare makes a method's check (inputs are generated here, when the test plan is
   *                built, so they are reproducible whatever order tests run in)
   * @param hang    why a method might not finish, for the timeout's message
   */
  public static List<DynamicNode> of(List<Class<?>> classes,
                                     Function<Class<?>, List<Method>> methods,
                                     Function<Method, Check> prepare, Duration timeout,
                                     String hang) {
    List<DynamicNode> containers = new ArrayList<>();
    for (Class<?> owner : classes) {
      List<DynamicNode> tests = new ArrayList<>();
      for (Method m : methods.apply(owner)) {
        Check check = prepare.apply(m);
        tests.add(DynamicTest.dynamicTest(Corpora.display(m), () -> {
          String report = assertTimeoutPreemptively(timeout, check::run,
              () -> Corpora.display(m) + " did not finish in " + timeout.toSeconds() + " s ("
                  + hang + ")");
          if (report != null) {
            fail(report);
          }
        }));
      }
      containers.add(DynamicContainer.dynamicContainer(owner.getSimpleName(), tests));
    }
    return containers;
  }
}
