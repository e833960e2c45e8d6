# `cmake --install BUILD [--prefix P]`: the `cuarm` command, the library with its public headers,
# a CMake package (find_package(cuarm CONFIG) gives cuarm::cuarm), a pkg-config file, and the
# core's headers that NVRTC reads at run time (the GPU's translated mode).
include(CMakePackageConfigHelpers)

set_target_properties(cuarm_lib PROPERTIES EXPORT_NAME cuarm)
install(TARGETS cuarm RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS cuarm_lib EXPORT cuarmTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/cuarm DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
# (Relative destinations: `--prefix` moves them. The library looks in the configured prefix, and
# the `cuarm` command also next to itself, in ../share/cuarm/jit-include.)
install(DIRECTORY src/core DESTINATION ${CMAKE_INSTALL_DATADIR}/cuarm/jit-include)
install(DIRECTORY src/backend/jit DESTINATION ${CMAKE_INSTALL_DATADIR}/cuarm/jit-include/backend
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.cuh")

set(CUARM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/cuarm)
install(EXPORT cuarmTargets NAMESPACE cuarm:: DESTINATION ${CUARM_CMAKE_DIR})
configure_package_config_file(cmake/cuarmConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/cuarmConfig.cmake
                              INSTALL_DESTINATION ${CUARM_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/cuarmConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/cuarmConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/cuarmConfigVersion.cmake
        DESTINATION ${CUARM_CMAKE_DIR})

# pkg-config: the same library and what it links (fmt is compiled in; with the CUDA backend the
# static CUDA runtime and what that needs).
set(CUARM_PC_LIBS "-lcuarm -lpthread -ldl")
if(CUARM_HAVE_CUDA)
  string(APPEND CUARM_PC_LIBS " -L${CUDAToolkit_LIBRARY_DIR} -lcudart_static -lrt")
endif()
file(RELATIVE_PATH CUARM_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/cuarm.pc.in ${CMAKE_CURRENT_BINARY_DIR}/cuarm.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/cuarm.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The man page and the shell completions, written by the built command from its own option
# definitions (cuarm --man, cuarm --completion bash|zsh).
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/cuarm.1 ${CMAKE_CURRENT_BINARY_DIR}/cuarm.bash
                          ${CMAKE_CURRENT_BINARY_DIR}/_cuarm
  COMMAND cuarm --man > ${CMAKE_CURRENT_BINARY_DIR}/cuarm.1
  COMMAND cuarm --completion bash > ${CMAKE_CURRENT_BINARY_DIR}/cuarm.bash
  COMMAND cuarm --completion zsh > ${CMAKE_CURRENT_BINARY_DIR}/_cuarm
  DEPENDS cuarm VERBATIM)
add_custom_target(cuarm_shell_docs ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/cuarm.1)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/cuarm.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/cuarm.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME cuarm)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/_cuarm DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
