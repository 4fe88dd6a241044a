package dev.least.source;

/** Where readers put records they cannot read. One method, so a list or a file can serve. */
@FunctionalInterface
public interface QuarantineSink {
  void accept(QuarantinedRecord record);
}
