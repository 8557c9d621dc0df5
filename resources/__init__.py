"""Data files of xorlab (icon, examples); installed as the package `xorlab.resources`."""
