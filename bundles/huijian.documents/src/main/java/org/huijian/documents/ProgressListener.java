package org.huijian.documents;

import org.osgi.annotation.versioning.ConsumerType;

/** Told of each change of a job's state; called on the worker's thread, so it must return quickly. */
@ConsumerType
@FunctionalInterface
public interface ProgressListener {
    void changed(Job job, JobState state, int percent);
}
