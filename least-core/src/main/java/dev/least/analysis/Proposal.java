package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.recommend.Recommendation;

/**
 * A policy-level recommendation before its impact is known, with its suggested change as the policy
 * engine replays it. {@link SimulatedImpact} turns it into the final recommendation.
 */
public record Proposal(Recommendation recommendation, WhatIfChange change) {
  public Proposal {
    requireNonNull(recommendation, "recommendation");
    requireNonNull(change, "change");
  }
}
