package dev.kiln.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentArgsTest {
  @Test
  void noArgumentsSelectNothing() {
    assertTrue(AgentArgs.parse(null).patterns.isEmpty());
    assertTrue(AgentArgs.parse("  ").patterns.isEmpty());
    assertFalse(AgentArgs.parse("").selectsClass("a.B"));
  }

  @Test
  void classAndMethodGlobs() {
    AgentArgs a = AgentArgs.parse("jit=com.acme.Kernels#dot,org.foo.*#*");
    assertEquals(2, a.patterns.size());
    assertTrue(a.selects("com.acme.Kernels", "dot"));
    assertFalse(a.selects("com.acme.Kernels", "dot2"));
    assertFalse(a.selects("com.acme.KernelsX", "dot"));
    assertTrue(a.selects("org.foo.Bar", "anything"));
    assertTrue(a.selects("org.foo.sub.Bar$Inner", "x"), "* crosses dots and $");
    assertFalse(a.selectsClass("org.foobar.Baz"));
    assertTrue(a.selectsClass("com.acme.Kernels"));
  }

  @Test
  void questionMarkAndRegexCharactersAreLiteral() {
    AgentArgs a = AgentArgs.parse("jit=a.B$C#m?");
    assertTrue(a.selects("a.B$C", "m1"));
    assertFalse(a.selects("aXB$C", "m1"), "a dot is a dot");
    assertFalse(a.selects("a.B$C", "m"));
  }

  @Test
  void classWithoutMethodMeansEveryMethod() {
    AgentArgs a = AgentArgs.parse(" jit = x.Y ; ");
    assertTrue(a.selects("x.Y", "z"));
    assertTrue(AgentArgs.parse("jit=x/y/Z#m").selects("x.y.Z", "m"), "slashes are dots");
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgentArgs.parse("jitt=a.B#c"));
    assertTrue(e.getMessage().contains("jitt"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AgentArgs.parse("jit=#m"));
    assertThrows(IllegalArgumentException.class, () -> AgentArgs.parse("jit=a.B#"));
    assertThrows(IllegalArgumentException.class, () -> AgentArgs.parse("jit=a#b#c"));
  }
}
