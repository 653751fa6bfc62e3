package org.huijian.documents;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of each change of a job's state, before the job's result completes: on the worker's thread, or for a cancel,
 * timeout or stop on the thread that gave the job up. It must return quickly.
 */
@ConsumerType
@FunctionalInterface
public interface ProgressListener {
    void changed(Job job, JobState state, int percent);
}
