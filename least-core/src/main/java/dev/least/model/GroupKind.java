package dev.least.model;

/** Static (assigned) or dynamic (rule-based) membership. */
public enum GroupKind {
  STATIC,
  DYNAMIC
}
