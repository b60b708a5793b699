# One ctest run of a fuzz target: the seed corpus is copied to a fresh directory (new inputs go
# there, never into the repository), the fuzzer runs SECONDS, and any crash, leak, sanitizer
# report, timeout or failed check fails the test; its input is kept in WORK/artifacts/.
# cmake -DFUZZER=… -DCORPUS=… [-DDICT=…] -DSECONDS=… -DWORK=… -P runfuzzer.cmake
foreach(var FUZZER CORPUS SECONDS WORK)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "runfuzzer.cmake: ${var} is not set")
    endif()
endforeach()

file(REMOVE_RECURSE ${WORK}/corpus)
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
file(GLOB seeds ${CORPUS}/*)
if(NOT seeds)
    message(FATAL_ERROR "no seed corpus in ${CORPUS}")
endif()
file(COPY ${seeds} DESTINATION ${WORK}/corpus)

set(args -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -max_len=4096
    -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/)
if(DICT)
    list(APPEND args -dict=${DICT})
endif()
execute_process(COMMAND ${FUZZER} ${args} ${WORK}/corpus RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${FUZZER} failed (${result}); the input is in ${WORK}/artifacts/")
endif()
