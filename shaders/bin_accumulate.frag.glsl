#version 330 core
out float o_count;
void main() { o_count = 1.0; }
