/**
 * Analyzers: one class per recommendation type, each a one-method strategy over an {@link
 * dev.least.analysis.AnalysisInput}, registered explicitly in {@link dev.least.analysis.Analyzers}.
 */
@NullMarked
package dev.least.analysis;

import org.jspecify.annotations.NullMarked;
