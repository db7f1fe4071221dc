/**
 * Scenarios (YAML: callers, endpoints' behaviour, load) and the {@link org.hth.hotline.standin.scenario.Simulator}
 * that runs them against a FastAGI server while serving AMI, for tests, {@code hotline simulate} and {@code bench}.
 */
package org.hth.hotline.standin.scenario;
