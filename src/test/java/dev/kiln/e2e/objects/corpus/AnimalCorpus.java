package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.objects.Sample;
import java.lang.invoke.MethodHandles;
import java.util.Random;

/**
 * Instance methods of an abstract class whose receivers have several exact classes (none of
 * them overrides the compiled methods): the compiled code calls abstract and overridden methods
 * on {@code this}, so each receiver class is its own specialization.
 */
public abstract class AnimalCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  protected final String name;
  protected int energy;

  protected AnimalCorpus(String name, int energy) {
    this.name = name;
    this.energy = energy;
  }

  protected abstract String sound();

  protected int legs() {
    return 4;
  }

  protected int speed() {
    return legs() * 2;
  }

  @Sample
  static AnimalCorpus sample(Random r) {
    int e = r.nextInt(30) - 5;
    return switch (r.nextInt(4)) {
      case 0 -> new Dog("rex" + r.nextInt(3), e);
      case 1 -> new Cat("tom", e, r.nextBoolean());
      case 2 -> new Bird("tweety", e);
      default -> new Puppy("bit", e);
    };
  }

  public static class Dog extends AnimalCorpus {
    Dog(String name, int energy) {
      super(name, energy);
    }

    @Override
    protected String sound() {
      return "woof";
    }
  }

  /** A subclass of a subclass that calls super. */
  public static final class Puppy extends Dog {
    Puppy(String name, int energy) {
      super(name, energy / 2);
    }

    @Override
    protected String sound() {
      return super.sound() + "!";
    }

    @Override
    protected int speed() {
      return super.speed() - 3;
    }
  }

  public static final class Cat extends AnimalCorpus {
    private final boolean grumpy;

    Cat(String name, int energy, boolean grumpy) {
      super(name, energy);
      this.grumpy = grumpy;
    }

    @Override
    protected String sound() {
      return grumpy ? "hiss" : "meow";
    }
  }

  public static final class Bird extends AnimalCorpus {
    Bird(String name, int energy) {
      super(name, energy);
    }

    @Override
    protected String sound() {
      return "tweet";
    }

    @Override
    protected int legs() {
      return 2;
    }
  }

  @Jit
  public String describe() {
    return name + " says " + sound() + " on " + legs() + " legs";
  }

  @Jit
  public int run(@Range(min = -2, max = 10) int minutes) {
    int distance = 0;
    for (int i = 0; i < minutes && energy > 0; i++) {
      distance += speed();
      energy -= 3;
    }
    return distance;
  }

  @Jit
  public boolean fasterThan(AnimalCorpus other) {
    return speed() > other.speed();
  }

  @Jit
  public String kind() {
    if (this instanceof Puppy) {
      return "puppy";
    } else if (this instanceof Dog d) {
      return "dog " + d.name;
    }
    return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  @Jit
  public int feed(@Range(min = -5, max = 20) int food) {
    if (food < 0) {
      throw new IllegalArgumentException(name + " refuses " + food);
    }
    energy += food * legs();
    return energy;
  }

  @Jit
  public static String chorus(@Size(max = 6) AnimalCorpus[] animals) {
    StringBuilder sb = new StringBuilder();
    for (AnimalCorpus a : animals) {
      sb.append(a == null ? "..." : a.sound()).append(' ');
    }
    return sb.toString().trim();
  }

  @Jit
  public static int totalLegs(@Size(max = 6) AnimalCorpus[] animals) {
    int legs = 0;
    for (AnimalCorpus a : animals) {
      legs += a.legs();
    }
    return legs;
  }
}
