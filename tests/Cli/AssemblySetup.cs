using Xunit;

// These tests start child processes (ncdump, h5dump, python, cp, climatead) while other tests hold
// HDF5 files open. HDF5 opens files without close-on-exec and takes a flock on them, so a child
// started by one test inherits another test's descriptor and keeps that file locked until the
// child exits; the other test's next open then fails with "unable to lock the file" (errno 11).
// Running the classes of this assembly one at a time removes the race.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
